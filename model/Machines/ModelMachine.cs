using MultiWallet.Model.Vocabulary;
using Stateless;
using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

/// <summary>
/// Base of every model machine: a Stateless machine whose transitions are reported to the coverage
/// collector. Subclasses configure their transitions in the constructor as data, guards always described.
/// </summary>
public abstract class ModelMachine<TState, TTrigger> : IModelMachine where TState : struct, Enum where TTrigger : struct, Enum
{
    protected ModelMachine(string name, TState initial, RunContext run)
    {
        Name = name;
        Run = run;
        InitialState = initial.ToString();
        Machine = new StateMachine<TState, TTrigger>(initial);
        Machine.OnTransitioned(t => Run.Coverage?.Fired(new TransitionKey(Name, t.Source.ToString(), t.Trigger.ToString(), t.Destination.ToString())));
    }

    public string Name { get; }
    public string InitialState { get; }
    protected RunContext Run { get; }
    protected StateMachine<TState, TTrigger> Machine { get; }
    public TState State => Machine.State;
    public StateMachineInfo Info => Machine.GetInfo();

    /// <summary>Call at the end of a subclass constructor, once the configuration is complete.</summary>
    protected void Declared()
    {
        if (Run.Coverage is { } coverage) coverage.Declare(Name, DeclaredTransitions.Of(GetType(), Run.Perturbation, Machine.GetInfo));
    }

    /// <summary>Fires <paramref name="trigger"/>, counted against the wake-up's step budget.</summary>
    public void Fire(TTrigger trigger)
    {
        Run.Step(Name);
        Machine.Fire(trigger);
    }
    protected void Emit(AbstractEvent e) => Run.Emit(e);
}
