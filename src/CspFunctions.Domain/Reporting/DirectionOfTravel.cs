using CspFunctions.Progress;

namespace CspFunctions.Reporting;

public static class DirectionOfTravel
{
    public static Direction Between(Rag? previous, Rag current) => previous switch
    {
        null => Direction.New,
        _ when previous == Rag.NotGiven || current == Rag.NotGiven => Direction.New,
        { } p when Rank(current) > Rank(p) => Direction.Improved,
        { } p when Rank(current) < Rank(p) => Direction.Worse,
        _ => Direction.Same,
    };

    public static string Display(this Direction direction) => direction switch
    {
        Direction.New => "No previous rating",
        Direction.Improved => "Improved",
        Direction.Same => "No change",
        Direction.Worse => "Worse",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    private static int Rank(Rag rag) => rag switch { Rag.Red => 0, Rag.Amber => 1, _ => 2 };
}
