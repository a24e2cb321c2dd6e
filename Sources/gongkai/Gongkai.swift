import ArgumentParser

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai (公开): government information disclosure and its annual report.",
        subcommands: [
            CheckCommand.self,
            RenderCommand.self,
            DeadlineCommand.self,
            MigrateCommand.self, DemoCommand.self, AgencyCommand.self, UserCommand.self, ReportCommand.self,
            CaseCommand.self,
            ImportCommand.self, ExportCommand.self,
            BackupCommand.self, RestoreCommand.self,
            ServeCommand.self,
        ]
    )
}
