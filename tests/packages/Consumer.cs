// The Program.cs of the fresh console project tests/packages/run.sh creates: it uses the packed
// DiffNative package the way a user would and checks one gradient against its closed form.
// Exit 0 when it matches, 1 when not (the script reports which).
using DiffNative;

// f(x, y) = x²·y + sin y  →  ∇f = (2xy, x² + cos y)
ScalarFunction f = p => p[0] * p[0] * p[1] + Math.Sin(p[1]);
double x = 1.5, y = -0.5;
double[] truth = [2 * x * y, x * x + Math.Cos(y)];

var info = DiffNativeRuntime.Describe();
Console.WriteLine($"native library {info.NativeLibraryPath}, active ISA {info.ActiveIsa.ToName()}");

var gradient = Differentiate.Gradient(f, [x, y], new DifferentiationOptions { Backend = Backend.Native });
var worst = 0.0;
for (var i = 0; i < truth.Length; i++)
    worst = Math.Max(worst, Math.Abs(gradient.Values[i] - truth[i]) / Math.Abs(truth[i]));
Console.WriteLine($"gradient ({gradient.Values[0]:R}, {gradient.Values[1]:R}), closed form ({truth[0]:R}, {truth[1]:R}), relative error {worst:E2}");

// Central differences with the error-balancing step: about 1e-10 relative here; 1e-8 leaves room
// without letting a wrong answer through.
return worst < 1e-8 ? 0 : 1;
