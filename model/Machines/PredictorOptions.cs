namespace MultiWallet.Model.Machines;

/// <summary>Options of one prediction: an optional perturbation, an optional coverage collector, an optional record of the perturbations asked about.</summary>
public sealed record PredictorOptions(Perturbation? Perturbation = null, TransitionCoverage? Coverage = null, PerturbationQueries? Queries = null)
{
    public static readonly PredictorOptions Default = new();
}
