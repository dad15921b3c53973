namespace Stop.Tasks;

/// <summary>Which instances of a task to draw: STOP's val split (used during improvement) or its test split.</summary>
public enum Split
{
    Val,
    Test,
}
