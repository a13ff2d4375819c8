using System.Diagnostics;

namespace WidgetIdentity.Benchmarks;

/// <summary>
/// One process's measurement for <c>build/scan-ab.sh</c>: <see cref="ScannerBenchmarks"/>' <c>IndexOf</c>, page and
/// adversarial cases (the scanner alone), timed in interleaved rounds, the median of each printed on one line.
/// Each process gets its own JIT outcome (tiering, profile-guided optimization), which moves a scan's time by 10-30%
/// from process to process, so the script compares many processes per side rather than many rounds in one.
/// </summary>
internal static class ScanRatio
{
    private const int Rounds = 240;
    private const int CallsPerRound = 10;

    public static void Run(int writeSize)
    {
        var benchmarks = new ScannerBenchmarks { WriteSize = writeSize };
        benchmarks.Setup();
        (string Name, Action Run)[] cases =
        [
            ("indexof", () => benchmarks.IndexOf()),
            ("page", () => benchmarks.ScannerWrites()),
            ("adversarial", () => benchmarks.ScannerAdversarial()),
        ];
        var times = cases.Select(static _ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var clock = Stopwatch.StartNew();
                for (var call = 0; call < CallsPerRound; call++)
                {
                    cases[c].Run();
                }

                times[c].Add(clock.Elapsed.TotalMicroseconds / CallsPerRound);
            }
        }

        // The first third of the rounds is warm-up (tiered compilation).
        Console.WriteLine(string.Join(' ', cases.Select((c, i) => $"{c.Name} {Median(times[i].Skip(Rounds / 3)):F2}")));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
