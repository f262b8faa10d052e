using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CorsLab.Benchmarks.ForwardBenchmarks).Assembly).Run(args);
