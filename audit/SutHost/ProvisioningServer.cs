using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MultiWallet.Impl.Network;

namespace MultiWallet.Audit.SutHost;

/// <summary>
/// The provisioning interface (docs/protocol/openapi.yaml, "Provisioning") in front of our own master wallet (role MSW,
/// <see cref="HostedMaster"/>), slaves and custodians (role SSW, <see cref="HostedSlaves"/>) or user PC (role PC,
/// <see cref="HostedPc"/>): plain HTTP on loopback,
/// one topology at a time, each <c>PUT /provision/topology</c> replacing the previous one whole. Calls are served one at
/// a time.
/// </summary>
public sealed class ProvisioningServer : IAsyncDisposable
{
    /// <summary>The name `GET /provision/info` reports, with the role played.</summary>
    public static string Name(string role) => $"MultiWallet reference {role} (audit sut-host)";

    private readonly string role;
    private readonly SutDefect? defect;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly WebApplication app;
    private IHostedRole? current;

    private ProvisioningServer(IPEndPoint listen, string role, SutDefect? defect)
    {
        this.role = role; this.defect = defect;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(listen);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });
        app = builder.Build();
        app.Run(ServeAsync);
    }

    /// <summary>The URL it listens at.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts listening at <paramref name="listen"/> (port 0: the OS picks) for <paramref name="role"/> (MSW or SSW).</summary>
    public static async Task<ProvisioningServer> StartAsync(IPEndPoint listen, string role, SutDefect? defect)
    {
        var s = new ProvisioningServer(listen, role, defect);
        await s.app.StartAsync().ConfigureAwait(false);
        s.Url = new Uri(s.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return s;
    }

    private async Task ServeAsync(HttpContext ctx)
    {
        // A crash of the PC comes while its wake-up is under way (the campaign restarts it where the crash fires): it
        // cannot wait for that call to end.
        if (ctx.Request.Method == HttpMethods.Post && (ctx.Request.Path.Value ?? "").Trim('/') == "provision/parties/pc/restart" && current is HostedPc crashed)
        {
            await crashed.RestartAsync(ctx.RequestAborted).ConfigureAwait(false);
            ctx.Response.StatusCode = 204;
            return;
        }
        await gate.WaitAsync(ctx.RequestAborted).ConfigureAwait(false);
        try { await RouteAsync(ctx).ConfigureAwait(false); }
        finally { gate.Release(); }
    }

    private async Task RouteAsync(HttpContext ctx)
    {
        var method = ctx.Request.Method;
        var parts = (ctx.Request.Path.Value ?? "").Trim('/').Split('/');
        switch (parts)
        {
            case ["provision", "info"] when method == HttpMethods.Get:
                await Json(ctx, 200, new JsonObject
                {
                    ["name"] = Name(role) + (defect is { } d ? $" with seeded defect {d}" : ""),
                    ["version"] = typeof(ProvisioningServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                    ["roles"] = new JsonArray(role),
                    ["embodiments"] = role == "PC" ? new JsonArray("E1", "E2", "E3", "E4", "E5", "E6") : new JsonArray("E7", "E8", "E9", "E10", "E11", "E12"),
                }).ConfigureAwait(false);
                return;
            case ["provision", "topology"] when method == HttpMethods.Put:
                await TopologyAsync(ctx).ConfigureAwait(false);
                return;
            case ["provision", "knowledge"] when method == HttpMethods.Put:
                if (await BodyAsync(ctx) is not { } k) return;
                if (current is null || !current.ReplaceKnowledge(k)) await Problem(ctx, 409, "conflict", "no replaceable knowledge in this topology").ConfigureAwait(false);
                else ctx.Response.StatusCode = 204;
                return;
            case ["provision", "parties", var name, "state"] when method == HttpMethods.Put:
                if (await BodyAsync(ctx) is not { } st) return;
                var state = (string?)st["state"];
                if (state is not ("up" or "down" or "silent")) { await Problem(ctx, 400, "invalid", "state must be up, down or silent", "/state").ConfigureAwait(false); return; }
                if (current is null || !current.SetState(name, state)) { await Problem(ctx, 404, "not-found", $"no party {name} here").ConfigureAwait(false); return; }
                ctx.Response.StatusCode = 204;
                return;
            case ["provision", "parties", var name, "brands"] when method == HttpMethods.Put:
                await BrandsAsync(ctx, name).ConfigureAwait(false);
                return;
            // A crash of the master or a custodian comes while our PC's purchase is under way on /mw, never during another provisioning call.
            case ["provision", "parties", var name, "restart"] when method == HttpMethods.Post && current is HostedMaster master && master.Restart(name):
                ctx.Response.StatusCode = 204;
                return;
            case ["provision", "parties", var name, "restart"] when method == HttpMethods.Post && current is HostedSlaves slaves && slaves.Restart(name):
                ctx.Response.StatusCode = 204;
                return;
            case ["provision", "parties", var name, "restart"]:
                await Problem(ctx, 404, "not-found", $"{name}: this host restarts no party but the PC, the master and an E8 custodian (the campaign runs no such step against it)").ConfigureAwait(false);
                return;
            case ["provision", "wums"] when method == HttpMethods.Post:
                if (await BodyAsync(ctx) is not { } wum) return;
                try
                {
                    if (current is not HostedPc installing || !installing.Install(wum)) { await Problem(ctx, 409, "conflict", "no installed WUMs in this topology").ConfigureAwait(false); return; }
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
                {
                    await Problem(ctx, 400, "invalid", "the body is not an InstalledWum: " + e.Message).ConfigureAwait(false);
                    return;
                }
                ctx.Response.StatusCode = 204;
                return;
            case ["provision", "re-inquiry"] when method == HttpMethods.Post:
                if (current is not HostedPc asking) { await Problem(ctx, 404, "not-found", "no PC here (role PC only)").ConfigureAwait(false); return; }
                var answers = await asking.ReInquireAsync(ctx.RequestAborted).ConfigureAwait(false);
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(new JsonArray([.. answers.Select(a => (JsonNode)new JsonObject
                {
                    ["order"] = a.Key,
                    ["outcome"] = Encoding.UTF8.GetString(a.Value.Encode()),
                })]).ToJsonString(), ctx.RequestAborted).ConfigureAwait(false);
                return;
            case ["provision", "wake-up"] when method == HttpMethods.Post:
                if (current is not HostedPc pc) { await Problem(ctx, 404, "not-found", "no PC entry point here (role PC only)").ConfigureAwait(false); return; }
                using (var buffer = new MemoryStream())
                {
                    await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
                    var outcome = await pc.WakeUpAsync(buffer.ToArray(), ctx.RequestAborted).ConfigureAwait(false);
                    ctx.Response.StatusCode = 200;
                    ctx.Response.ContentType = "application/octet-stream";
                    await ctx.Response.Body.WriteAsync(outcome, ctx.RequestAborted).ConfigureAwait(false);
                }
                return;
            case ["provision", "trace"] when method == HttpMethods.Get:
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/jsonl";
                await ctx.Response.WriteAsync(current is null ? "" : Render(current.Trace), ctx.RequestAborted).ConfigureAwait(false);
                return;
            default:
                await Problem(ctx, 404, "not-found", $"no operation {method} {ctx.Request.Path}").ConfigureAwait(false);
                return;
        }
    }

    private async Task TopologyAsync(HttpContext ctx)
    {
        if (await BodyAsync(ctx) is not { } body) return;
        if (current is { } old) await old.DisposeAsync().ConfigureAwait(false);
        current = null;
        try
        {
            current = role switch { "SSW" => HostedSlaves.Build(body, defect), "PC" => HostedPc.Build(body, defect), _ => HostedMaster.Build(body, defect) };
        }
        catch (UnsupportedTopologyException e)
        {
            await Problem(ctx, 400, "unsupported", e.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            await Problem(ctx, 400, "invalid", "the topology cannot be set up: " + e.Message).ConfigureAwait(false);
            return;
        }
        if (defect == SutDefect.MalformedReply)
        {
            // The seeded protocol defect: a 200 whose body is not the ProvisionedAddresses object the contract requires.
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"addresses\": [", ctx.RequestAborted).ConfigureAwait(false);
            return;
        }
        await Json(ctx, 200, new JsonObject(current.Addresses.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value.ToString())))).ConfigureAwait(false);
    }

    private async Task BrandsAsync(HttpContext ctx, string name)
    {
        if (await BodyAsync(ctx) is not { } body) return;
        IReadOnlyList<MultiWallet.Impl.Crypto.CardholderCredential> credentials;
        try
        {
            var held = body["held"]!.AsArray().Select(b => (string)b!).ToHashSet(StringComparer.Ordinal);
            credentials = body["credentials"] is null ? [] : ProvisionMaterial.Credentials(body, name);
            if (held.FirstOrDefault(b => credentials.All(c => c.Brand != b)) is { } missing)
            {
                await Problem(ctx, 400, "invalid", $"no credential of {name} for held brand {missing}", "/credentials").ConfigureAwait(false);
                return;
            }
            credentials = [.. credentials.Where(c => held.Contains(c.Brand))];
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            await Problem(ctx, 400, "invalid", "the brands cannot be applied: " + e.Message).ConfigureAwait(false);
            return;
        }
        if (current is null || !current.ChangeBrands(name, credentials)) { await Problem(ctx, 404, "not-found", $"no wallet {name} whose brands change here").ConfigureAwait(false); return; }
        ctx.Response.StatusCode = 204;
    }

    /// <summary>The trace as JSON Lines of docs/protocol/trace-format.md (messages and decisions).</summary>
    public static string Render(TraceLog trace)
    {
        var sb = new StringBuilder();
        foreach (var e in trace.Since(0))
        {
            JsonObject line = e switch
            {
                MessageEvent m => new JsonObject
                {
                    ["type"] = "msg", ["seq"] = m.Seq, ["from"] = m.From.Value, ["to"] = m.To.Value, ["kind"] = m.Kind,
                    ["fields"] = new JsonObject(m.Fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))), ["digest"] = m.Digest,
                },
                DecisionEvent d => new JsonObject
                {
                    ["type"] = "decision", ["seq"] = d.Seq, ["actor"] = d.Actor, ["what"] = d.What,
                    ["detail"] = new JsonObject(d.Detail.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))), ["reason"] = d.Reason,
                },
                _ => throw new InvalidOperationException($"unknown trace event {e.GetType().Name}"),
            };
            sb.Append(line.ToJsonString()).Append('\n');
        }
        return sb.ToString();
    }

    private static async Task<JsonObject?> BodyAsync(HttpContext ctx)
    {
        try
        {
            if (await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false) is JsonObject o) return o;
        }
        catch (JsonException) { }
        await Problem(ctx, 400, "invalid", "the body is not a JSON object").ConfigureAwait(false);
        return null;
    }

    private static Task Problem(HttpContext ctx, int status, string type, string title, string? field = null)
    {
        var p = new JsonObject { ["type"] = type, ["title"] = title };
        if (field is not null) p["field"] = field;
        return Json(ctx, status, p);
    }

    private static async Task Json(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Stops the hosted master and the listener.</summary>
    public async ValueTask DisposeAsync()
    {
        if (current is { } c) await c.DisposeAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
