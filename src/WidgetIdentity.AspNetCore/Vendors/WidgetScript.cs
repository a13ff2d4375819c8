using System.Text.RegularExpressions;
using WidgetIdentity.Rendering;

namespace WidgetIdentity.Vendors;

/// <summary>
/// The script a <see cref="WidgetVendor"/> writes: assignments, calls and event handlers, each target a constant member
/// path (<c>window.acmeChat.identify</c>) and each value a JSON literal with every string escaped (strings, booleans,
/// finite numbers, dictionaries as objects, sequences as arrays). There is no way to write raw text.
/// </summary>
public sealed partial class WidgetScript
{
    private readonly ScriptBuilder _builder;
    private string _indent;
    private bool _started;

    internal WidgetScript(ScriptBuilder builder, string indent = "")
    {
        _builder = builder;
        _indent = indent;
    }

    /// <summary>Writes <c>target = value;</c>, for a vendor that reads a global object when its script loads.</summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a member path, or <paramref name="value"/> has no JSON form.</exception>
    public WidgetScript Assign(string target, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Line().Raw(MemberPath(target)).Raw(" = ").Literal(value).Raw(";");
        return this;
    }

    /// <summary>Writes <c>function(argument, ...);</c>; <see langword="null"/> arguments are written as <c>null</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not a member path, or an argument has no JSON form.</exception>
    public WidgetScript Call(string function, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = Line().Raw(MemberPath(function)).Raw("(");
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                builder.Raw(", ");
            }

            if (arguments[i] is { } argument)
            {
                builder.Literal(argument);
            }
            else
            {
                builder.Raw("null");
            }
        }

        builder.Raw(");");
        return this;
    }

    /// <summary>
    /// Writes a handler that runs <paramref name="body"/>'s script once, when the window receives the event
    /// <paramref name="eventName"/> (a vendor's ready event).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> is empty.</exception>
    public WidgetScript OnEvent(string eventName, Action<WidgetScript> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(body);
        Line().Raw("window.addEventListener(").String(eventName).Raw(", function () {");
        var outer = _indent;
        _indent += "  ";
        body(this);
        _indent = outer;
        Line().Raw("}, { once: true });");
        return this;
    }

    private ScriptBuilder Line()
    {
        if (_started)
        {
            _builder.Raw("\n");
        }

        _started = true;
        return _builder.Raw(_indent);
    }

    private static string MemberPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return MemberPathPattern().IsMatch(path)
            ? path
            : throw new ArgumentException(
                "A WidgetVendor's assignment target or function must be a member path such as window.acmeChat.identify: "
                + "constant names only, never text from a user.",
                nameof(path));
    }

    [GeneratedRegex(@"\A[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*\z")]
    private static partial Regex MemberPathPattern();
}
