using System.Text.Json.Nodes;
using Orleans.Governance.Durability.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>
/// deploy/kubernetes checked by a schema validator of Kubernetes (deploy/validate-kubernetes.sh:
/// the API schemas of the kubernetes-models package, offline), and the locked-down choices that
/// the schemas cannot ask for pinned here.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Validator = Repository.Script("deploy/validate-kubernetes.sh");

    [Fact]
    public async Task The_manifests_are_valid_against_the_kubernetes_schemas()
    {
        var output = await Shell.RunAsync(Validator);

        Assert.Contains(" valid, 0 invalid", output);
        Assert.DoesNotContain("INVALID", output);
    }

    [Fact]
    public async Task The_validator_names_what_is_wrong_in_a_broken_manifest()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("gov-k8s-").FullName, "broken.yaml");
        await File.WriteAllTextAsync(broken, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken }
            spec:
              replicas: three
              selector: { matchLabels: { app: broken } }
              template:
                metadata: { labels: { app: broken } }
                spec:
                  containers:
                    - name: silo
                      securityContext: { runAsNonRoot: "yes" }
            ---
            apiVersion: v1
            kind: Sevrice
            metadata: { name: typo }
            """);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Shell.RunAsync(Validator, arguments: broken));

        Assert.Contains("exited with 1", failure.Message);
        Assert.Contains("/spec/replicas must be integer", failure.Message);
        Assert.Contains("securityContext/runAsNonRoot must be boolean", failure.Message);
        Assert.Contains("no schema for kind Sevrice in v1", failure.Message);
        Assert.Contains("0 valid, 2 invalid", failure.Message);
        Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
    }

    [Fact]
    public void Only_the_http_port_is_published()
    {
        var service = Resource("silo.yaml", "Service");

        Assert.Equal(["http"], service["spec"]!["ports"]!.AsArray().Select(port => (string)port!["name"]!));
    }

    [Fact]
    public void The_silo_pod_runs_unprivileged_on_a_read_only_root_with_a_pinned_image()
    {
        var pod = Resource("silo.yaml", "Deployment")["spec"]!["template"]!["spec"]!;
        var silo = pod["containers"]![0]!;

        Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        Assert.Equal("false", (string?)silo["securityContext"]!["allowPrivilegeEscalation"]);
        Assert.Equal("true", (string?)silo["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.Equal(["ALL"], silo["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
        Assert.Contains(silo["volumeMounts"]!.AsArray(), mount => (string?)mount!["mountPath"] == "/tmp");
        Assert.Matches(@":\d+\.\d+\.\d+$|@sha256:[0-9a-f]{64}$", (string?)silo["image"]);
    }

    [Fact]
    public void The_startup_probe_allows_ten_minutes_for_a_city_load()
    {
        var probe = Resource("silo.yaml", "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!["startupProbe"]!;

        Assert.True(int.Parse((string)probe["periodSeconds"]!) * int.Parse((string)probe["failureThreshold"]!) >= 600);
    }

    [Fact]
    public void The_silos_run_with_mutual_tls_from_the_secret_and_verify_the_database_server()
    {
        var silo = Resource("silo.yaml", "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var environment = silo["env"]!.AsArray().ToDictionary(variable => (string)variable!["name"]!, variable => (string?)variable!["value"]);
        var tls = Resource("secret.example.yaml", "Secret", "governance-silo-tls");
        var database = (string)Resource("secret.example.yaml", "Secret", "governance-db")["stringData"]!["connection-string"]!;

        Assert.Equal("/etc/governance/tls/tls.crt", environment["Governance__Tls__CertificatePath"]);
        Assert.Equal("/etc/governance/tls/ca.crt", environment["Governance__Tls__CaPath"]);
        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], tls["stringData"]!.AsObject().Select(entry => entry.Key).Order());
        Assert.Contains("SSL Mode=VerifyFull;Root Certificate=/etc/governance/db/root.crt", database);
    }

    [Fact]
    public void The_role_reads_pods_and_nothing_more_and_the_disruption_budget_stays()
    {
        var role = Resource("rbac.yaml", "Role");

        Assert.Equal(["get", "list", "watch"], role["rules"]![0]!["verbs"]!.AsArray().Select(verb => (string)verb!));
        Assert.Equal("2", (string?)Resource("silo.yaml", "PodDisruptionBudget")["spec"]!["minAvailable"]);
    }

    [Fact]
    public void Only_silos_reach_the_silo_port_and_only_silos_and_labelled_clients_the_gateway()
    {
        var ingress = Resource("networkpolicy.yaml", "NetworkPolicy")["spec"]!["ingress"]!.AsArray();
        string[] Ports(JsonNode rule) => [.. rule["ports"]!.AsArray().Select(port => (string)port!["port"]!)];

        Assert.Equal(3, ingress.Count);
        Assert.Equal(["http"], Ports(ingress[0]!));
        Assert.Null(ingress[0]!["from"]);
        Assert.Equal(["silo", "gateway"], Ports(ingress[1]!));
        Assert.Equal("governance-silo", (string?)ingress[1]!["from"]![0]!["podSelector"]!["matchLabels"]!["app"]);
        Assert.Equal(["gateway"], Ports(ingress[2]!));
        Assert.NotNull(ingress[2]!["from"]![0]!["podSelector"]);
    }

    /// <summary>The document of that kind (and name) in deploy/kubernetes/FILE, as JSON (scalars as strings).</summary>
    private static JsonNode Resource(string file, string kind, string? name = null)
    {
        var parser = new Parser(new StringReader(File.ReadAllText(Repository.Script($"deploy/kubernetes/{file}"))));
        var reader = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = JsonNode.Parse(json.Serialize(reader.Deserialize(parser)))!;
            if ((string?)document["kind"] == kind && (name is null || (string?)document["metadata"]!["name"] == name))
            {
                return document;
            }
        }

        throw new InvalidOperationException($"deploy/kubernetes/{file} has no {kind} {name}");
    }
}
