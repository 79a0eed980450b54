using DataPlatform.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Tests.Deployment;

/// <summary>
/// The Dockerfile, docker-compose.yml and Kubernetes manifests, checked without a Docker engine or a cluster:
/// parsed, and their objects checked field by field against what they must do.
/// </summary>
public class DeploymentFileTests
{
    private static readonly string Repo = Fixtures.RepositoryRoot;

    private static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                node = child;
            }
            else if (node is YamlSequenceNode list && int.TryParse(key, out var index) && index < list.Children.Count)
            {
                node = list.Children[index];
            }
            else
            {
                return null;
            }
        }
        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    [Fact]
    public void The_dockerfile_builds_with_the_sdk_runs_on_aspnet_as_a_non_root_user_on_one_port()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo, "Dockerfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, froms.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", froms[1], StringComparison.Ordinal);
        var runtime = lines.SkipWhile(l => l != froms[1]).ToList();
        Assert.Contains(runtime, l => l is "USER $APP_UID" or "USER app" || (l.StartsWith("USER ", StringComparison.Ordinal) && l != "USER root" && l != "USER 0"));
        Assert.Single(runtime, l => l.StartsWith("EXPOSE ", StringComparison.Ordinal));
        Assert.Contains("EXPOSE 8080", runtime);
        Assert.Contains(runtime, l => l.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("COPY content ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SourceRevisionId=${SOURCE_COMMIT}", StringComparison.Ordinal));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"DataPlatform.Web.dll\"]", runtime[^1]);
        // Every COPY source exists in the repository.
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
            {
                Assert.True(File.Exists(Path.Combine(Repo, source)) || Directory.Exists(Path.Combine(Repo, source)), $"{copy}: {source} does not exist");
            }
        }
    }

    [Fact]
    public void The_compose_file_has_the_portal_postgres_with_a_volume_and_health_check_and_a_mail_catcher()
    {
        var compose = Documents(Path.Combine(Repo, "docker-compose.yml")).Single();
        var services = (YamlMappingNode)At(compose, "services")!;
        Assert.Equal(["db", "mail", "portal"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());

        var portal = services.Children[new YamlScalarNode("portal")];
        Assert.True(File.Exists(Path.Combine(Repo, Text(portal, "build", "context")!, Text(portal, "build", "dockerfile")!)));
        Assert.Equal("8080:8080", Text(portal, "ports", "0"));
        Assert.StartsWith("Host=db;", Text(portal, "environment", "ConnectionStrings__Portal"), StringComparison.Ordinal);
        Assert.Equal("mail", Text(portal, "environment", "Notifications__Smtp__Host"));
        Assert.Equal("service_healthy", Text(portal, "depends_on", "db", "condition"));

        var db = services.Children[new YamlScalarNode("db")];
        Assert.StartsWith("postgres:", Text(db, "image"), StringComparison.Ordinal);
        Assert.Contains("pg_isready", string.Join(' ', ((YamlSequenceNode)At(db, "healthcheck", "test")!).Children.Select(c => ((YamlScalarNode)c).Value)), StringComparison.Ordinal);
        var volume = Text(db, "volumes", "0")!.Split(':')[0];
        Assert.NotNull(At(compose, "volumes", volume));
        Assert.Contains("8025:8025", ((YamlSequenceNode)At(services.Children[new YamlScalarNode("mail")], "ports")!).Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_and_each_has_a_kind()
    {
        var kustomization = Documents(Path.Combine(Repo, "deploy", "kustomization.yaml")).Single();
        var resources = ((YamlSequenceNode)At(kustomization, "resources")!).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

        Assert.Equal(Directory.GetFiles(Path.Combine(Repo, "deploy"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(), resources.Order());
        foreach (var document in resources.SelectMany(r => Documents(Path.Combine(Repo, "deploy", r))))
        {
            Assert.False(string.IsNullOrEmpty(Text(document, "apiVersion")));
            Assert.False(string.IsNullOrEmpty(Text(document, "kind")));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Text(document, "metadata", "name"));
        }
    }

    private static Dictionary<string, YamlMappingNode> Manifests() =>
        Directory.GetFiles(Path.Combine(Repo, "deploy"), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(Documents).ToDictionary(d => Text(d, "kind")!, d => d);

    [Fact]
    public void The_deployment_runs_three_safe_replicas_with_probes_limits_and_a_content_sidecar()
    {
        var manifests = Manifests();
        var deployment = manifests["Deployment"];
        Assert.Equal("apps/v1", Text(deployment, "apiVersion"));
        Assert.Equal("3", Text(deployment, "spec", "replicas"));
        var labels = (YamlMappingNode)At(deployment, "spec", "template", "metadata", "labels")!;
        var selector = (YamlMappingNode)At(deployment, "spec", "selector", "matchLabels")!;
        Assert.All(selector.Children, kv => Assert.Equal(kv.Value, labels.Children[kv.Key]));
        Assert.Equal("true", Text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));

        var containers = (YamlSequenceNode)At(deployment, "spec", "template", "spec", "containers")!;
        var portal = containers.Children.Single(c => Text(c, "name") == "portal");
        Assert.Equal("/readyz", Text(portal, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Text(portal, "livenessProbe", "httpGet", "path"));
        Assert.Equal("8080", Text(portal, "ports", "0", "containerPort"));
        foreach (var container in containers.Children)
        {
            foreach (var (kind, resource) in new[] { ("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory") })
            {
                Assert.NotNull(Text(container, "resources", kind, resource));
            }
            Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
            Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
        }
        Assert.Contains(containers.Children, c => Text(c, "image")!.Contains("git-sync", StringComparison.Ordinal));

        // Every volume mounted is declared, and the content the sidecar writes is what the portal reads.
        var volumes = ((YamlSequenceNode)At(deployment, "spec", "template", "spec", "volumes")!).Children.Select(v => Text(v, "name")).ToHashSet();
        Assert.All(containers.Children.SelectMany(c => ((YamlSequenceNode)At(c, "volumeMounts")!).Children), m => Assert.Contains(Text(m, "name"), volumes));
        Assert.StartsWith(Text(containers.Children.Single(c => Text(c, "name") == "git-sync"), "volumeMounts", "0", "mountPath")!,
            Text(manifests["ConfigMap"], "data", "Content__Root")!, StringComparison.Ordinal);
        Assert.StartsWith(((YamlSequenceNode)At(portal, "volumeMounts")!).Children.Select(m => Text(m, "mountPath")!).Single(p => p == "/var/lib/portal"),
            Text(manifests["ConfigMap"], "data", "Submissions__SpoolDirectory")!, StringComparison.Ordinal);

        // The ConfigMap and Secret it reads exist, and the Secret carries the connection string and SMTP credentials.
        var sources = ((YamlSequenceNode)At(portal, "envFrom")!).Children;
        Assert.Contains(sources, s => Text(s, "configMapRef", "name") == Text(manifests["ConfigMap"], "metadata", "name"));
        Assert.Contains(sources, s => Text(s, "secretRef", "name") == Text(manifests["Secret"], "metadata", "name"));
        foreach (var key in new[] { "ConnectionStrings__Portal", "Notifications__Smtp__UserName", "Notifications__Smtp__Password" })
        {
            Assert.NotNull(Text(manifests["Secret"], "stringData", key));
        }
    }

    [Fact]
    public void Service_ingress_and_disruption_budget_point_at_the_portal()
    {
        var manifests = Manifests();
        var podLabels = (YamlMappingNode)At(manifests["Deployment"], "spec", "template", "metadata", "labels")!;
        var service = manifests["Service"];
        Assert.All(((YamlMappingNode)At(service, "spec", "selector")!).Children, kv => Assert.Equal(kv.Value, podLabels.Children[kv.Key]));
        Assert.Equal("http", Text(service, "spec", "ports", "0", "targetPort"));

        var backend = At(manifests["Ingress"], "spec", "rules", "0", "http", "paths", "0", "backend", "service")!;
        Assert.Equal(Text(service, "metadata", "name"), Text(backend, "name"));
        Assert.Equal(Text(service, "spec", "ports", "0", "name"), Text(backend, "port", "name"));

        var budget = manifests["PodDisruptionBudget"];
        Assert.Equal("policy/v1", Text(budget, "apiVersion"));
        Assert.True(int.Parse(Text(budget, "spec", "minAvailable")!, System.Globalization.CultureInfo.InvariantCulture) < 3);
        Assert.All(((YamlMappingNode)At(budget, "spec", "selector", "matchLabels")!).Children, kv => Assert.Equal(kv.Value, podLabels.Children[kv.Key]));
    }
}
