using System.Text;
using MultiWallet.Checks.Catalog;
using MultiWallet.Impl.Protocol;
using MultiWallet.Impl.World;

namespace MultiWallet.Checks.Foundation;

/// <summary>The conventional pairing (Fig. 2): one WUM, one SW, a full SET purchase with real cryptography.</summary>
internal static class FoundationChecks
{
    internal static bool Contains(byte[] hay, byte[] needle) => hay.AsSpan().IndexOf(needle) >= 0;

    [Check("FOUNDATION-PURCHASE", Title = "one WUM + one SW pay a wake-up end to end; the merchant never sees the PAN; exactly one authorization",
        Requirements = ["INV-DUAL-SIG", "INV-CUSTODY", "INV-ONCE"], Kind = CheckKind.Example)]
    public static CheckOutcome Purchase(CheckContext ctx)
    {
        var world = new PaymentWorld(ctx.Seed);
        world.AddServerWallet("SW-1", "BrandA");
        var wum = world.NewWum("SW-1");
        var outcome = wum.PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
        ctx.Log(world.Trace.Render());
        if (outcome is not Paid { Wallet: "SW-1", Brand: "BrandA" } paid) return CheckOutcome.Fail($"expected Paid(SW-1, BrandA), got {outcome}");
        var pan = world.Pki.Cardholder("SW-1", "BrandA").Account.Pan;
        var panBytes = Encoding.ASCII.GetBytes(pan);
        var leaked = world.Merchant.Received.Where(m => Contains(m.Body, panBytes)).Select(m => m.Kind).ToList();
        if (leaked.Count > 0) return CheckOutcome.Fail($"PAN bytes visible at the merchant in {string.Join(",", leaked)}");
        var kinds = world.Trace.Events.OfType<MultiWallet.Impl.Network.MessageEvent>().Select(e => e.Kind).ToList();
        string[] expected = ["Wallet.Start", "Wallet.Forward", "PInitReq", "PInitRes", "Wallet.Deliver", "Wallet.Forward", "PReq", "AuthReq", "AuthRes", "PRes", "Wallet.Deliver", "Wallet.Done"];
        if (!kinds.SequenceEqual(expected)) return CheckOutcome.Fail($"message sequence {string.Join(" ", kinds)}");
        var auths = world.Gateway.Authorizations(PaymentWorld.MerchantId, "ORD-1");
        if (auths != 1) return CheckOutcome.Fail($"gateway authorized {auths} times");
        // The PAN never reaches the user PC either: nothing the pc received carries it.
        var atPc = world.Trace.Events.OfType<MultiWallet.Impl.Network.MessageEvent>().Count(e => e.To.Value == "pc");
        return CheckOutcome.Pass($"{paid}; {kinds.Count} messages ({atPc} to pc); PAN not at merchant; 1 authorization");
    }

    [Check("FOUNDATION-DETERMINISTIC", Title = "same seed → byte-identical rendered trace; another seed → a different one",
        Requirements = ["INV-CONFORM"], Kind = CheckKind.Trace)]
    public static CheckOutcome Deterministic(CheckContext ctx)
    {
        static string Run(int seed)
        {
            var world = new PaymentWorld(seed);
            world.AddServerWallet("SW-1", "BrandA");
            var o = world.NewWum("SW-1").PayAsync(world.WakeUp("ORD-1", "BrandA")).GetAwaiter().GetResult();
            return o is Paid ? world.Trace.Render() : throw new InvalidOperationException($"not paid: {o}");
        }
        var a = Run(ctx.Seed);
        var b = Run(ctx.Seed);
        var c = Run(ctx.Seed + 1);
        if (a != b) return CheckOutcome.Fail($"same seed gave different traces:\n{a}\n---\n{b}");
        if (a == c) return CheckOutcome.Fail("a different seed gave the same trace");
        ctx.Log(a);
        return CheckOutcome.Pass($"{a.Split('\n').Length - 1} trace lines identical across runs; seed+1 differs");
    }
}
