using System.CommandLine;
using CorsLab.Load.Engine;

namespace CorsLab.Cli.Commands;

/// <summary>
/// The action of a command that drives load (<c>bench</c>, <c>investigate</c>, <c>gate</c>, <c>diagnose</c>): its load
/// client is tuned first (<see cref="LoadClientTuning"/>), before the command starts a child or reads one's output,
/// either of which starts the socket engine untuned. Tuned deeper, in one place and not another, <c>diagnose</c>'s
/// client ran on the thread pool while <c>bench</c>'s did not. A tuning that did not take is said on the console.
/// </summary>
internal static class LoadCommandAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await LoadClientTuning.EnableInlineCompletionsAsync();
            if (!LoadClientTuning.InlineCompletions)
            {
                await Console.Out.WriteLineAsync($"warning: {LoadClientTuning.NotInlineWarning}");
            }

            return await action(parse, cancellationToken);
        });
    }
}
