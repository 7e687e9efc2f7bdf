return MultiWallet.Audit.AuditApp.Run(args, MultiWallet.Audit.AuditConsoles.Out(), MultiWallet.Audit.AuditConsoles.Error());
