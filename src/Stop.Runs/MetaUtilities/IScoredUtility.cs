namespace Stop.Runs.MetaUtilities;

/// <summary>A utility as the host keeps it behind an improver's <c>Utility</c>: a budget and a hidden scorer.</summary>
internal interface IScoredUtility
{
    string Source { get; }

    int Budget { get; }

    int Uses { get; }

    Task<double> ScoreAsync(string solution, CancellationToken cancellationToken);
}
