import RapportCore

extension AppState {
    /// The whole screen, as a grid of cells, worded in the screen's language.
    public func view() -> Canvas {
        Language.$override.withValue(language) { drawn() }
    }

    private func drawn() -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let layout = Layout(width: width, height: height, focus: focus, asOf: data.asOf != nil)
        if layout.mode == .tooSmall {
            Chrome.tooSmall(self, on: &canvas)
            return canvas
        }
        if let banner = layout.banner { Chrome.banner(self, in: banner, on: &canvas) }
        if isEmpty {
            let body = Rect(x: 0, y: 0, width: width, height: height - 1)
            Chrome.welcome(self, in: body, on: &canvas)
        } else if let v = views {
            let top = layout.banner == nil ? 0 : 1
            ViewsPage.render(self, v, in: Rect(x: 0, y: top, width: width, height: height - 1 - top), on: &canvas)
        } else {
            if let tabs = layout.tabs { Chrome.tabs(self, in: tabs, on: &canvas) }
            for (pane, r) in layout.panes {
                switch pane {
                case .funnel: FunnelPane.render(self, in: r, on: &canvas)
                case .dossier: DossierPane.render(self, in: r, on: &canvas)
                case .mood: MoodPane.render(self, in: r, on: &canvas)
                case .followUps: QueuePane.render(self, in: r, on: &canvas)
                }
            }
        }
        switch overlay {
        case .help: Overlays.help(self, on: &canvas)
        case .search(let s): Overlays.search(self, s, on: &canvas)
        case .command(let line): Overlays.commandLine(line, in: layout.status, on: &canvas)
        case .form(let form): FormView.render(form, self, on: &canvas)
        case .confirm(let question): Overlays.question(question.question, in: layout.status, on: &canvas)
        case nil: break
        }
        switch overlay {
        case .command, .confirm: break
        default: Chrome.status(self, in: layout.status, on: &canvas)
        }
        return canvas
    }
}
