using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Orleans.Governance.Simulation.Scenarios.Yaml;

/// <summary>
/// A parser that knows the path of the node it stands on (<c>calendar.surges[2].toDay</c>), so that
/// a problem found while deserialising names the field as the validation's problems do.
/// </summary>
internal sealed class YamlPathParser(IParser inner) : IParser
{
    private readonly List<Frame> _frames = [];

    public ParsingEvent? Current => inner.Current;

    /// <summary>The path of the current node; empty at the root.</summary>
    public string Path => string.Concat(_frames.Select((f, i) => f.Key is null ? $"[{f.Index}]" : i == 0 ? f.Key : "." + f.Key));

    /// <summary>Where the key of the current mapping entry starts (the current node where there is none).</summary>
    public Mark KeyStart => _frames.Count > 0 && _frames[^1].KeyStart is { } start ? start : Current?.Start ?? Mark.Empty;

    public bool MoveNext()
    {
        Leave(inner.Current);
        return inner.MoveNext();
    }

    private void Leave(ParsingEvent? left)
    {
        switch (left)
        {
            case MappingStart:
                _frames.Add(new Frame { Key = "", AtKey = true });
                break;
            case SequenceStart:
                _frames.Add(new Frame());
                break;
            case MappingEnd or SequenceEnd:
                _frames.RemoveAt(_frames.Count - 1);
                ValueDone();
                break;
            case Scalar key when _frames is [.., { AtKey: true } frame]:
                (frame.Key, frame.KeyStart, frame.AtKey) = (key.Value, key.Start, false);
                break;
            case Scalar or AnchorAlias:
                ValueDone();
                break;
        }
    }

    private void ValueDone()
    {
        if (_frames is [.., var frame])
        {
            frame.AtKey = frame.Key is not null;
            frame.Index++;
        }
    }

    /// <summary>A mapping (<see cref="Key"/> set: the entry being read) or a sequence (<see cref="Index"/>: the item being read).</summary>
    private sealed class Frame
    {
        public string? Key { get; set; }

        public Mark? KeyStart { get; set; }

        public bool AtKey { get; set; }

        public int Index { get; set; }
    }
}
