using System.Runtime.CompilerServices;

// Every import passes blittable types only (pointers, numbers), so the runtime never marshals.
[assembly: DisableRuntimeMarshalling]
