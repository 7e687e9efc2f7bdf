namespace MultiWallet.Model.Machines;

/// <summary>
/// The perturbations a prediction asked about (<see cref="RunContext.Perturbed"/>). A perturbation changes a prediction
/// only from the first point where the model asks whether it is on; one the faithful prediction never asked about
/// would predict exactly what the faithful model predicts, so the mutation test need not predict again with it.
/// Not thread-safe, like the machines: one per prediction.
/// </summary>
public sealed class PerturbationQueries
{
    private readonly HashSet<Perturbation> asked = [];

    /// <summary>Records that the model asked about <paramref name="p"/>.</summary>
    public void Asked(Perturbation p) => asked.Add(p);

    /// <summary>Whether the model asked about <paramref name="p"/>.</summary>
    public bool WasAsked(Perturbation p) => asked.Contains(p);
}
