using System.Text;
using WidgetIdentity.Guard.Scanning;

namespace WidgetIdentity.Tests.Guard.Scanning;

/// <summary>Checks <see cref="SecretPatternSet.FindNext"/> against trying every start, hit after hit through the data.</summary>
internal static class ReferenceSearch
{
    public static void AssertSameHits(SecretPatternSet patterns, byte[] data, int from, bool final, string context)
    {
        for (var at = from; at <= data.Length;)
        {
            var expected = ExhaustiveSearch.FindNext(patterns, data, at, final);
            var actual = patterns.FindNext(data, at, final);
            if (expected with { Secret = 0 } != actual with { Secret = 0 })
            {
                Assert.Fail($"{context} from {at} final {final}: expected {expected}, got {actual}\n{Encoding.UTF8.GetString(data)}");
            }

            if (expected.Kind != ScanHitKind.Match)
            {
                return;
            }

            at = expected.Start + expected.Length;
        }
    }
}
