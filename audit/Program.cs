return MultiWallet.Audit.AuditApp.Run(args, Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings()));
