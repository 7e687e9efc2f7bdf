using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiWallet.Impl.Network;

namespace MultiWallet.Checks.Contract;

/// <summary>
/// Defects the contract must catch, each made from one honest message of the campaign: a body, a field, a nested content
/// or an envelope broken in one place, a kind or a direction the contract does not allow, and a contract whose schema is
/// wrong for honest traffic. If the validation let any of them through, a pass of <c>PROTOCOL-CONFORMS-*</c> would mean
/// nothing.
/// </summary>
internal static class ContractMutations
{
    /// <summary>One defect: its name, the message and direction to judge, the contract that judges it, and the envelope opener it may use.</summary>
    public sealed record Defect(string Name, NetMessage Message, string Direction, WireContract Contract, Func<byte[], byte[]>? Open = null);

    /// <summary>
    /// The defects made from <paramref name="sample"/> (one honest message per kind, by kind); <paramref name="gateway"/> opens
    /// the sampled AuthReq's envelope and seals a plaintext again to the gateway of a brand, so a defect can hide inside one.
    /// </summary>
    public static IEnumerable<Defect> From(IReadOnlyDictionary<string, (NetMessage Message, string Direction)> sample, WireContract contract,
        (Func<byte[], byte[]> Open, Func<byte[], string, byte[]> Seal) gateway)
    {
        (NetMessage M, string D) Take(string kind) =>
            sample.TryGetValue(kind, out var s) ? s : throw new InvalidOperationException($"the campaign sent no {kind} to mutate");

        var start = Take("Wallet.Start");
        yield return new("wake-up amount 0 (schema minimum)", start.M with { Body = EditJson(start.M.Body, o => o["amount"] = 0) }, start.D, contract);
        yield return new("wake-up with an unknown key", start.M with { Body = EditJson(start.M.Body, o => o["extra"] = "x") }, start.D, contract);
        yield return new("wake-up with whitespace (not canonical)", start.M with { Body = [.. Encoding.UTF8.GetBytes(" "), .. start.M.Body] }, start.D, contract);
        yield return new("wake-up keys out of order (not canonical)", start.M with { Body = Reordered(start.M.Body) }, start.D, contract);
        yield return new("session start numbered 1", start.M with { Fields = With(start.M.Fields, "seq", "1") }, start.D, contract);
        yield return new("session start without a mac", start.M with { Fields = Without(start.M.Fields, "mac") }, start.D, contract);
        yield return new("session id not 128-bit hex", start.M with { Fields = With(start.M.Fields, "session", "S-1") }, start.D, contract);
        yield return new("an undeclared field", start.M with { Fields = With(start.M.Fields, "debug", "1") }, start.D, contract);

        var preq = Take("PReq");
        yield return new("OIData inside PReq without its brand (nested content)",
            preq.M with { Body = EditJson(preq.M.Body, o => o["oidata"] = Convert.ToBase64String(EditJson(Convert.FromBase64String((string)o["oidata"]!), i => i.Remove("brand")))) },
            preq.D, contract);
        yield return new("PReq RRPID of 19 bytes", preq.M with { Body = EditJson(preq.M.Body, o => o["rrpid"] = Convert.ToBase64String(new byte[19])) }, preq.D, contract);

        var pres = Take("PRes");
        yield return new("signed PRes whose completion is unknown (content of a signed message)",
            pres.M with { Body = EditJson(pres.M.Body, o => o["content"] = Convert.ToBase64String(EditJson(Convert.FromBase64String((string)o["content"]!), i => i["completion"] = "Maybe"))) },
            pres.D, contract);

        var auth = Take("AuthReq");
        yield return new("envelope with a byte after it", auth.M with { Body = [.. auth.M.Body, 0] }, auth.D, contract);
        yield return new("envelope that is JSON", auth.M with { Body = preq.M.Body }, auth.D, contract);
        var brand = auth.M.Field("brand") ?? throw new InvalidOperationException("the sampled AuthReq names no brand");
        var resealed = gateway.Seal(EditJson(gateway.Open(auth.M.Body), o => o["content"] = Convert.ToBase64String(
            EditJson(Convert.FromBase64String((string)o["content"]!), i => i.Remove("merchant-ke-chain")))), brand);
        yield return new("AuthReq sealed properly around a payload without the merchant's key-exchange chain (envelope plaintext)",
            auth.M with { Body = resealed }, auth.D, contract, gateway.Open);

        var error = Take("Error");
        yield return new("Rejected answer naming its cause (no uniform failure)",
            error.M with { Body = EditJson(error.M.Body, o => { o["code"] = "Rejected"; o["cause"] = "dual signature invalid at merchant"; }) }, error.D, contract);

        yield return new("a kind the contract does not define", start.M with { Kind = "Wallet.Steal" }, start.D, contract);
        yield return new("a request sent as a response", start.M, "response", contract);
        yield return new("a wake-up sent to the gateway", start.M with { To = Address.Gateway }, start.D, contract);
        yield return new("a brand query with a body", Take("Wallet.BrandQuery").M with { Body = [1] }, "request", contract);

        // A wrong contract: the wake-up's amount declared a string. Honest traffic must then fail.
        var wrong = Edit(contract.Document, d => d["components"]!["schemas"]!["WakeUp"]!["properties"]!["amount"] = new JsonObject { ["type"] = "string" });
        yield return new("honest wake-up against a contract whose amount is a string", start.M, start.D, new WireContract(wrong));
    }

    /// <summary>A broken copy of the document for the OpenAPI reader: a reference to a schema that does not exist.</summary>
    public static string BrokenDocument(string yaml) =>
        yaml.Replace("$ref: '#/components/schemas/WireBody'", "$ref: '#/components/schemas/NoSuchBody'", StringComparison.Ordinal);

    private static byte[] EditJson(byte[] canonical, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(canonical)!.AsObject();
        edit(node);
        return CanonicalJson.Encode(JsonSerializer.SerializeToElement(node));
    }

    private static byte[] Reordered(byte[] canonical)
    {
        var node = JsonNode.Parse(canonical)!.AsObject();
        var reversed = new JsonObject(node.Reverse().Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        return Encoding.UTF8.GetBytes(reversed.ToJsonString());
    }

    private static JsonNode Edit(JsonNode document, Action<JsonNode> edit)
    {
        var copy = document.DeepClone();
        edit(copy);
        return copy;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> fields, string key, string value) => new(fields) { [key] = value };

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> fields, string key)
    {
        var d = new Dictionary<string, string>(fields);
        d.Remove(key);
        return d;
    }
}
