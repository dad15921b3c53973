namespace Stop.Tasks.Parity;

/// <summary>
/// STOP's noiseless parity transfer task: as <see cref="ParityNoiseTask"/> without label noise; 20
/// instances in both splits. STOP's scorer has no time limit and scores a raising instance 0.
/// </summary>
public sealed class ParityNoiselessTask : ParityTask
{
    /// <summary>
    /// STOP's scorer sets no limit; this borrows <see cref="ParityNoiseTask"/>'s 2 seconds, the limit of
    /// the same problem with noise, so a solution that transfers between the two has the same room in both.
    /// </summary>
    public const long StopMillisecondsPerInstance = ParityNoiseTask.StopMillisecondsPerInstance;

    public override string Name => "parity_noiseless";

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    /// <summary>STOP's noiseless scorer catches an exception per instance and scores it 0 (no eps).</summary>
    public override double FailureFloor => 0;

    /// <summary>STOP's noiseless scorer: <c>except Exception: correct = 0</c>, and on to the next instance.</summary>
    public override FailedInstance OnException => FailedInstance.ScoresZero;

    /// <summary>STOP's noiseless scorer has no time limit at all; the fuel limit Stop adds fails an instance as an exception does.</summary>
    public override FailedInstance OnTimeout => FailedInstance.ScoresZero;

    protected override double NoiseLevel => 0;

    public override int InstanceCount(Split split) => 20;
}
