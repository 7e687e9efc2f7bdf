return MultiWallet.Audit.AuditApp.Run(args);
