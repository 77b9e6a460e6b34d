// catalogue: not yet moved (issue 16)
import ArgumentParser

/// Options every command takes: where the log is and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The log file (default: $RAPPORT_DATA, else $XDG_DATA_HOME/rapport/rapport.log, else ~/.local/share/rapport/rapport.log).",
        valueName: "path"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting (default: $RAPPORT_USER, else the login name).", valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("The language: zh or en (default: the config file's lang, else the locale, else English).",
                                            valueName: "zh|en"))
    var lang: String?
}
