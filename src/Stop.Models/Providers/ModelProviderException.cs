namespace Stop.Models.Providers;

/// <summary>
/// A problem a user can fix (a malformed spec, an unknown provider, a missing key, an unreachable endpoint,
/// an unknown model, a provider that keeps failing). Callers print <see cref="Exception.Message"/>, not a stack trace.
/// </summary>
public sealed class ModelProviderException : Exception
{
    public ModelProviderException(string message)
        : base(message)
    {
    }

    public ModelProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
