using Stateless.Reflection;

namespace MultiWallet.Model.Machines;

/// <summary>Anything whose graph can be exported and whose states can be checked for reachability.</summary>
public interface IModelMachine
{
    string Name { get; }
    StateMachineInfo Info { get; }
    string InitialState { get; }
}
