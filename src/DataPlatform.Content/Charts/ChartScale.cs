using System.Globalization;

namespace DataPlatform.Content.Charts;

/// <summary>A linear scale from data values to drawing positions, with "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ; whole days, months or years).</summary>
public sealed record ChartScale(double Min, double Max, IReadOnlyList<double> Ticks)
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12];
    private static readonly int[] DaySteps = [1, 2, 7, 14];

    /// <summary>Where <paramref name="value"/> falls between <paramref name="from"/> (at Min) and <paramref name="to"/> (at Max).</summary>
    public double Map(double value, double from, double to) => Max == Min ? (from + to) / 2 : from + (value - Min) / (Max - Min) * (to - from);

    /// <summary>Ticks for numbers from <paramref name="low"/> to <paramref name="high"/>, about <paramref name="count"/> of them; the scale ends on ticks.</summary>
    public static ChartScale Numbers(double low, double high, int count = 5, bool whole = false)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return new ChartScale(0, 1, [0, 1]);
        }
        if (low == high)
        {
            (low, high) = low == 0 ? (0.0, 1.0) : low > 0 ? (0.0, high) : (low, 0.0);
        }
        var step = NiceStep((high - low) / Math.Max(1, count));
        step = whole ? Math.Max(1, Math.Round(step)) : step;
        var min = Math.Floor(low / step + 1e-9) * step;
        var max = Math.Ceiling(high / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var i = 0; i <= (int)Math.Round((max - min) / step) && i < 100; i++)
        {
            // Rounded to the step's precision, so 0.1 + 0.2 shows as 0.3.
            ticks.Add(Math.Round(min + i * step, Math.Max(0, -(int)Math.Floor(Math.Log10(step)) + 2)));
        }
        return new ChartScale(ticks[0], ticks[^1], ticks);
    }

    public static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return Steps.Select(f => f * magnitude).First(s => s >= rough * 0.999);
    }

    /// <summary>Ticks for dates (as <see cref="DateTime.Ticks"/>): whole years, quarters, months, weeks or days, whichever gives about <paramref name="count"/>.</summary>
    public static (ChartScale Scale, string Format) Dates(DateTime low, DateTime high, int count = 6)
    {
        if (high <= low)
        {
            high = low.AddDays(1);
        }
        var days = (high - low).TotalDays;
        var ticks = new List<double>();
        string format;
        if (days > 365 * 2)
        {
            var years = (int)Math.Max(1, NiceStep(days / 365.25 / count));
            for (var y = low.Year - low.Year % years; y <= high.Year + years; y += years)
            {
                AddIfInside(new DateTime(y, 1, 1));
            }
            format = "yyyy";
        }
        else if (days > 62)
        {
            var months = MonthSteps.First(m => days / 30.4 / m <= count + 1);
            var start = new DateTime(low.Year, 1, 1);
            for (var d = start; d <= high.AddMonths(months); d = d.AddMonths(months))
            {
                AddIfInside(d);
            }
            format = "MMM yyyy";
        }
        else
        {
            var step = DaySteps.First(s => days / s <= count + 1);
            for (var d = step == 7 || step == 14 ? low.Date.AddDays(-(((int)low.DayOfWeek + 6) % 7)) : low.Date; d <= high.AddDays(step); d = d.AddDays(step))
            {
                AddIfInside(d);
            }
            format = "d MMM";
        }
        if (ticks.Count == 0)
        {
            ticks.Add(low.Ticks);
        }
        return (new ChartScale(low.Ticks, high.Ticks, ticks), format);

        void AddIfInside(DateTime d)
        {
            if (d >= low && d <= high)
            {
                ticks.Add(d.Ticks);
            }
        }
    }

    public static string FormatNumber(double value, CultureInfo culture) =>
        Math.Abs(value) >= 1e6 ? (value / 1e6).ToString("#,0.##", culture) + " M" : value.ToString("#,0.##", culture);
}
