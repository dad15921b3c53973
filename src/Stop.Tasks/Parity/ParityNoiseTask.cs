namespace Stop.Tasks.Parity;

/// <summary>
/// STOP's main task, learning parity with noise: 5% label noise on the 100 training samples; 20 val
/// instances, 50 test.
/// </summary>
public sealed class ParityNoiseTask : ParityTask
{
    /// <summary>STOP's hidden per-instance limit: <c>timeout = 2</c> seconds.</summary>
    public const long StopMillisecondsPerInstance = 2_000;

    public override string Name => "parity_noise";

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    protected override double NoiseLevel => 0.05;

    public override int InstanceCount(Split split) => split == Split.Test ? 50 : 20;
}
