import ArgumentParser
import RapportCore

/// Options every command takes: where the log is, who is acting, the language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: .words(say("support.option.data"), valueName: "path"))
    var data: String?

    @Option(name: .long, help: .words(say("support.option.actor"), valueName: "name"))
    var actor: String?

    @Option(name: .long, help: .words(say("support.option.lang"), valueName: "zh|en"))   // catalogue: not text
    var lang: String?
}
