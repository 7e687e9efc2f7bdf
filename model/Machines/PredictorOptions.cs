namespace MultiWallet.Model.Machines;

/// <summary>Options of one prediction: an optional perturbation, an optional coverage collector.</summary>
public sealed record PredictorOptions(Perturbation? Perturbation = null, TransitionCoverage? Coverage = null)
{
    public static readonly PredictorOptions Default = new();
}
