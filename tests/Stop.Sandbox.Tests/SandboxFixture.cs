namespace Stop.Sandbox.Tests;

/// <summary>One sandbox with real worker processes, shared by the tests that run candidates.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public CandidateSandbox Sandbox { get; } = new(new SandboxOptions { WorkerMemoryBytes = 256L << 20 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
