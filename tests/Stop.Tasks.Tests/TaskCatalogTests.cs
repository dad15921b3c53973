namespace Stop.Tasks.Tests;

public sealed class TaskCatalogTests
{
    [Fact]
    public void TaskCatalog_ListsTheSixTasks_InThePapersOrder() =>
        Assert.Equal(
            ["parity_noise", "str_grid_dist", "modified_quadratic_assignment", "three_sat", "maxcut", "parity_noiseless"],
            TaskCatalog.All.Select(task => task.Name));

    [Fact]
    public void TaskCatalog_Get_NamesTheKnownTasks_WhenTheNameIsUnknown()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskCatalog.Get("tsp"));
        Assert.Contains("parity_noise", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void EveryTask_EmbedsASeedAndAVisibleUtility_ThatMentionAlgorithm(string name)
    {
        var task = TaskCatalog.Get(name);
        Assert.Contains(" Algorithm(", task.SeedSolution, StringComparison.Ordinal);
        Assert.Contains("\"Algorithm\"", task.VisibleUtility, StringComparison.Ordinal);
        Assert.Contains("double Utility(string algorithmStr)", task.VisibleUtility, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void EveryTask_DeclaresASignature_MatchingItsParameterAndReturnTypes(string name)
    {
        var task = TaskCatalog.Get(name);
        Assert.StartsWith(CSharpName(task.ReturnType) + " Algorithm(", task.Signature, StringComparison.Ordinal);
        Assert.Equal(task.ParameterTypes.Count, task.Signature.Count(c => c == ',') + 1);
        foreach (var type in task.ParameterTypes)
        {
            Assert.Contains(CSharpName(type), task.Signature, StringComparison.Ordinal);
        }
        Assert.Equal(task.ParameterTypes.Count, task.CreateInstance(Split.Val, 0).Arguments.Length);
    }

    [Theory]
    [InlineData("parity_noise", 2_000)]
    [InlineData("parity_noiseless", 2_000)]
    [InlineData("three_sat", 100)]
    [InlineData("maxcut", 100)]
    [InlineData("modified_quadratic_assignment", 500)]
    [InlineData("str_grid_dist", 100)]
    public void EveryTask_GrantsFuel_OfStopsLimitInMillisecondsTimesTheCalibration(string name, long stopMilliseconds) =>
        Assert.Equal(stopMilliseconds * FuelCalibration.PerStopMillisecond, TaskCatalog.Get(name).FuelPerInstance);

    [Theory]
    [InlineData("parity_noise", 1e-6)]
    [InlineData("parity_noiseless", 0)]
    [InlineData("three_sat", 1e-2)]
    [InlineData("maxcut", 1e-2)]
    [InlineData("modified_quadratic_assignment", 1e-2)]
    [InlineData("str_grid_dist", 0)]
    public void EveryTask_HasStopsFailureFloor(string name, double floor) =>
        Assert.Equal(floor, TaskCatalog.Get(name).FailureFloor);

    [Theory]
    [InlineData("parity_noise", 20, 50)]
    [InlineData("parity_noiseless", 20, 20)]
    [InlineData("three_sat", 30, 30)]
    [InlineData("maxcut", 100, 100)]
    [InlineData("modified_quadratic_assignment", 10, 10)]
    [InlineData("str_grid_dist", 50, 50)]
    public void EveryTask_HasStopsInstanceCounts(string name, int val, int test)
    {
        var task = TaskCatalog.Get(name);
        Assert.Equal(val, task.InstanceCount(Split.Val));
        Assert.Equal(test, task.InstanceCount(Split.Test));
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public void CreateInstance_RejectsIndices_OutsideTheSplit(string name)
    {
        var task = TaskCatalog.Get(name);
        Assert.Throws<ArgumentOutOfRangeException>(() => task.CreateInstance(Split.Val, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => task.CreateInstance(Split.Val, task.InstanceCount(Split.Val)));
    }

    public static TheoryData<string> TaskNames()
    {
        var data = new TheoryData<string>();
        foreach (var task in TaskCatalog.All)
        {
            data.Add(task.Name);
        }
        return data;
    }

    private static string CSharpName(Type type) => type == typeof(int) ? "int"
        : type == typeof(bool) ? "bool"
        : type == typeof(double) ? "double"
        : type == typeof(string) ? "string"
        : type.IsArray ? CSharpName(type.GetElementType()!) + "[]"
        : type.Name;
}
