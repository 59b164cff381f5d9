using System.Globalization;

namespace Strive.Web.ScaleOut;

/// <summary>
/// Which instance this is: <see cref="Name"/> for people (the "InstanceName" setting, else the machine
/// name and process id), reported by /status; <see cref="Id"/> to recognise this instance's own
/// messages when they come back over Redis.
/// </summary>
public sealed class InstanceInfo
{
    public const string SettingName = "InstanceName";

    public InstanceInfo(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[SettingName];
        Name = string.IsNullOrWhiteSpace(configured)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}")
            : configured.Trim();
    }

    public string Name { get; }

    public string Id { get; } = Guid.NewGuid().ToString("N");
}
