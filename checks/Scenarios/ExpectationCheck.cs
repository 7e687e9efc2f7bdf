using MultiWallet.Checks.Bridge;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Audit.Scenarios;

/// <summary>
/// Holds an auditor's <see cref="Expectation"/> against the model's prediction and the implementation's run of the
/// same step. Facts read from the abstract trace are checked on both sides; the authorization count is a state fact
/// of the implementation's gateway, which the model does not keep, so it is checked on the implementation only.
/// </summary>
public static class ExpectationCheck
{
    /// <summary>Every field the expectation gives, with both sides' values.</summary>
    public static IReadOnlyList<ExpectationResult> Evaluate(Expectation x, StepPrediction model, WakeUpConformance? impl)
    {
        var m = Facts.Of(model.Outcome, model.Events);
        var i = impl is null ? null : Facts.Of(impl.ImplOutcome, impl.Abstracted);
        var list = new List<ExpectationResult>();
        void Add<T>(string field, T? expected, Func<Facts, string> read) where T : class
        {
            if (expected is null) return;
            list.Add(new ExpectationResult(field, x.Line, Render(expected), read(m), i is null ? null : read(i)));
        }
        void Flag(string field, bool? expected, Func<Facts, bool> read)
        {
            if (expected is { } e) list.Add(new ExpectationResult(field, x.Line, Lower(e), Lower(read(m)), i is null ? null : Lower(read(i))));
        }
        Add("outcome", x.Outcome, f => f.Result);
        Add("wallet", x.Wallet, f => f.Wallet);
        Add("brand", x.Brand, f => f.Brand);
        Add("routedTo", x.RoutedTo, f => Render(f.RoutedTo));
        Add("offered", x.Offered, f => Render(f.Offered));
        Flag("proxy", x.Proxy, f => f.Proxy);
        Flag("credentialReleased", x.CredentialReleased, f => f.Released);
        Flag("credentialErased", x.CredentialErased, f => f.Erased);
        Flag("pInitReq", x.PInitReq, f => f.PInitReq);
        if (x.Authorizations is { } a)
            list.Add(new ExpectationResult("authorizations", x.Line, a.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                impl?.Facts.AuthorizationsForOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return list;
    }

    private static string Lower(bool b) => b ? "true" : "false";

    private static string Render(object o) => o switch
    {
        IEnumerable<string> l => "[" + string.Join(", ", l) + "]",
        _ => o.ToString() ?? "",
    };

    /// <summary>The facts an expectation reads, from one side's outcome and abstract trace.</summary>
    private sealed record Facts(string Result, string Wallet, string Brand, IReadOnlyList<string> RoutedTo, IReadOnlyList<string> Offered,
        bool Proxy, bool Released, bool Erased, bool PInitReq)
    {
        public static Facts Of(Outcome o, IReadOnlyList<AbstractEvent> ev) => new(
            o switch { Outcome.Paid => "Paid", Outcome.Refused r => r.Reason.ToString(), _ => o.ToString() },
            o switch { Outcome.Paid p => p.Wallet, Outcome.Refused { Wallet: { } w } => w, _ => Expectation.None },
            o is Outcome.Paid paid ? paid.Brand.Name : ev.OfType<AbstractEvent.WakeUp>().FirstOrDefault()?.Brand.Name ?? Expectation.None,
            ev.OfType<AbstractEvent.Routed>().Select(r => r.Wallet).ToList(),
            ev.OfType<AbstractEvent.Offered>().FirstOrDefault()?.Options ?? [],
            ev.OfType<AbstractEvent.ProxyHop>().Any(),
            ev.OfType<AbstractEvent.CredentialReleased>().Any(),
            ev.OfType<AbstractEvent.CredentialErased>().Any(),
            ev.OfType<AbstractEvent.Msg>().Any(x => x.Kind == MsgKind.PInitReq));
    }
}
