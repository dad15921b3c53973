namespace Stop.Models.Resilience;

/// <summary>The provider answered with no text; retried like a transient failure.</summary>
public sealed class EmptyCompletionException(string message) : Exception(message);
