namespace Stop.Models;

/// <summary>An improver asked for more than its <see cref="LanguageModel"/> allows (STOP's call budget).</summary>
public sealed class LanguageModelBudgetException(string message) : Exception(message);
