using MultiWallet.Model.Machines;
using MultiWallet.Model.Prediction;
using MultiWallet.Model.Vocabulary;

namespace MultiWallet.Checks.Model;

/// <summary>
/// Small vocabulary for hand-written model expectations. Expectations are written from SPEC.md and
/// docs/DECISIONS.md as trace lines, never copied from the model's output.
/// </summary>
internal static class ModelKit
{
    public static readonly string[] Set = ["Msg(PInitReq)", "Msg(PInitRes)", "Msg(PReq)", "Msg(AuthReq)", "Msg(AuthRes)", "Msg(PRes)"];
    /// <summary>The merchant detects OI / dual-signature / certificate tampering at PReq: nothing after it.</summary>
    public static readonly string[] UpToPReq = Set[..3];
    /// <summary>The gateway detects PI tampering at AuthReq.</summary>
    public static readonly string[] UpToAuthReq = Set[..4];

    public static readonly Brand A = Brand.BrandA, B = Brand.BrandB, C = Brand.BrandC;

    public static OrderId O(string lid) => new("M", lid);
    public static Step.WakeUp Wake(string lid, Brand brand, WakeUpDefect? defect = null, long amount = 1000) => new(O(lid), brand, amount, defect ?? WakeUpDefect.None);
    public static string WakeLine(string lid, Brand brand) => $"WakeUp(M/{lid}, {brand})";

    public static WalletSpec Sw(int i, params Brand[] held) => WalletSpec.Honest(WalletNames.Sw(i), held);
    public static WalletSpec Ssw(int i, params Brand[] held) => WalletSpec.Honest(WalletNames.Ssw(i), held);
    public static WalletSpec Msw(params Brand[] held) => WalletSpec.Honest(WalletNames.Msw, held);

    public static Topology Client(Embodiment e, params WalletSpec[] sws) => new(e, sws);
    public static Topology Master(Embodiment e, WalletSpec msw, params WalletSpec[] ssws) => new(e, ssws, msw);

    /// <summary>When set (by the coverage check), every prediction made through the kit reports to it.</summary>
    public static readonly AsyncLocal<TransitionCoverage?> Coverage = new();

    public static IReadOnlyList<StepPrediction> Predict(Topology t, UserScript s, params Step[] steps) =>
        Predictor.Predict(t, s, steps, new PredictorOptions(null, Coverage.Value));

    public static StepPrediction One(Topology t, UserScript s, params Step[] steps) => Predict(t, s, steps).Single();
    public static StepPrediction Last(Topology t, UserScript s, params Step[] steps) => Predict(t, s, steps)[^1];
}
