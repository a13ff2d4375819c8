using BenchmarkDotNet.Running;
using WidgetIdentity.Benchmarks;

if (args is ["--scan-ratio", var writeSize])
{
    ScanRatio.Run(int.Parse(writeSize, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
