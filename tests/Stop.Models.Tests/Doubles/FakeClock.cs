using Microsoft.Extensions.Time.Testing;

namespace Stop.Models.Tests.Doubles;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward until a task finishes, so retries and timeouts never really wait.</summary>
internal static class FakeClock
{
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        for (var i = 0; i < 4000 && !task.IsCompleted; i++)
        {
            time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(5));
        }
        return await task;
    }

    public static async Task DriveAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null) =>
        await time.DriveAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), step);
}
