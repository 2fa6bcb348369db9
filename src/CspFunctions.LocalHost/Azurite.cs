using System.Diagnostics;
using System.Net.Sockets;

namespace CspFunctions.LocalHost;

/// <summary>Starts the Azurite storage emulator from the repo's package.json when nothing listens on the storage ports.</summary>
public sealed class Azurite : IAsyncDisposable
{
    public static readonly int[] Ports = [10000, 10001, 10002];
    private readonly Process? _process;

    private Azurite(Process? process) => _process = process;

    /// <summary>True when this instance started Azurite (and will stop it on dispose).</summary>
    public bool StartedHere => _process is not null;

    public static bool IsListening(int port)
    {
        // A refused connection answers at once; only a loaded machine needs the retries.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var result = socket.BeginConnect(System.Net.IPAddress.Loopback, port, null, null);
                if (result.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(2)) && socket.Connected)
                {
                    socket.EndConnect(result);
                    return true;
                }
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused) { return false; }
            catch (SocketException) { }
        }
        return false;
    }

    public static async Task<Azurite> EnsureRunningAsync(string repoRoot, string dataFolder, Action<string> log, CancellationToken ct = default)
    {
        var listening = Ports.Where(IsListening).ToList();
        if (listening.Count == Ports.Length)
        {
            log("Storage: using the Azurite (or storage emulator) already listening on ports 10000-10002.");
            return new Azurite(null);
        }
        if (listening.Count > 0)
            throw new InvalidOperationException($"Port(s) {string.Join(", ", listening)} are in use but not all of 10000-10002: stop whatever holds them, or start Azurite yourself.");

        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            log("Storage: installing Azurite from package.json (npm ci) ...");
            await RunAsync("npm", File.Exists(Path.Combine(repoRoot, "package-lock.json")) ? "ci --no-audit --no-fund" : "install --no-audit --no-fund", repoRoot, ct);
            if (!File.Exists(script)) throw new InvalidOperationException($"npm did not install Azurite at {script}.");
        }

        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--location", dataFolder },
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite: is Node.js installed and on PATH?");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Ports.All(IsListening))
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
            if (DateTime.UtcNow > deadline) { process.Kill(true); throw new TimeoutException("Azurite did not listen on 10000-10002 within 30 s."); }
            await Task.Delay(200, ct);
        }
        log($"Storage: started Azurite (data in {dataFolder}).");
        return new Azurite(process);
    }

    private static async Task RunAsync(string file, string arguments, string workingDirectory, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"Could not run {file}.");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{file} {arguments}' failed with exit code {process.ExitCode}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
