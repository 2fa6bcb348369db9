using Microsoft.Playwright;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>Keyboard-only journeys: what has the focus, keys pressed to move it, and the tab stops a page's markup gives.</summary>
public static class KeyboardFocus
{
    /// <summary>What has the keyboard focus: its id, or "link {href}: {text}", or "button: {text}".</summary>
    public static async Task<string> FocusedAsync(IPage page)
    {
        var focused = page.Locator(":focus");
        if (await focused.CountAsync() == 0) return "";
        return await focused.GetAttributeAsync("id") ?? $"{(await focused.GetAttributeAsync("href") is { } href ? "link " + href : "button")}: {(await focused.InnerTextAsync()).Trim()}";
    }

    public static async Task<string> PressAsync(IPage page, string key, int times = 1)
    {
        for (var i = 0; i < times; i++) await page.Keyboard.PressAsync(key);
        return await FocusedAsync(page);
    }

    /// <summary>Tabs from the top of the page until <paramref name="last"/> has the focus (or a few steps past the
    /// expected count) and returns every stop on the way.</summary>
    public static async Task<List<string>> TabOrderAsync(IPage page, string last, int expectedCount)
    {
        var order = new List<string>();
        for (var i = 0; i < expectedCount + 3 && order.LastOrDefault() != last; i++) order.Add(await PressAsync(page, "Tab"));
        return order;
    }

    /// <summary>The stops Tab should make, read from the markup in document order and named as <see cref="FocusedAsync"/>
    /// names them: links with an href, buttons, fields (one per radio group: the checked one, else the first; a date field
    /// as Chromium's four stops, <see cref="DateField"/>), and
    /// anything with a tabindex of 0, leaving out what is disabled, hidden or has tabindex -1. A positive tabindex, which
    /// would reorder the stops, is reported as a stop of its own so that the comparison fails. Up to and including
    /// <paramref name="last"/> when given (which must be there).</summary>
    public static async Task<List<string>> MarkupTabStopsAsync(IPage page, string? last = null)
    {
        var stops = (await page.EvaluateAsync<string[]>("""
            () => {
              const stops = [];
              const groups = new Set();
              for (let el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
                const tabindex = el.getAttribute('tabindex');
                if (tabindex !== null && Number(tabindex) > 0) { stops.push('positive tabindex on ' + el.outerHTML.slice(0, 80)); continue; }
                if (tabindex === '-1' || el.disabled || (el.tagName === 'INPUT' && el.type === 'hidden')) continue;
                if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
                if (el.tagName === 'INPUT' && el.type === 'radio') {
                  if (groups.has(el.name)) continue;
                  groups.add(el.name);
                  const group = [...document.getElementsByName(el.name)].filter(r => r.type === 'radio' && !r.disabled);
                  el = group.find(r => r.checked) || group[0];
                }
                const id = el.getAttribute('id');
                const name = id !== null ? id : (el.hasAttribute('href') ? 'link ' + el.getAttribute('href') : 'button') + ': ' + el.innerText.trim();
                // Chromium's date field is four stops: day, month and year, then its calendar button (which :focus does not see).
                if (el.tagName === 'INPUT' && el.type === 'date') stops.push(name, name, name, '');
                else stops.push(name);
              }
              return stops;
            }
            """)).ToList();
        if (last is null) return stops;
        var end = stops.IndexOf(last);
        Assert.True(end >= 0, $"'{last}' is not among the page's tab stops: {string.Join(" | ", stops)}");
        return stops[..(end + 1)];
    }

    /// <summary>Tabs from the top of the page to <paramref name="last"/> and checks that the focus visits exactly the stops
    /// the markup gives, in order; returns them.</summary>
    public static async Task<List<string>> AssertTabOrderFollowsMarkupAsync(IPage page, string last)
    {
        var expected = await MarkupTabStopsAsync(page, last);
        Assert.Equal(expected, await TabOrderAsync(page, last, expected.Count));
        return expected;
    }

    /// <summary>The stops of a native date field in Chromium: the day, month and year, each named by the field's id, then
    /// the calendar button, which <see cref="FocusedAsync"/> sees as nothing focused.</summary>
    public static string[] DateField(string id) => [id, id, id, ""];

    /// <summary>The stops that are not links (fields and buttons), in order.</summary>
    public static List<string> Controls(IEnumerable<string> stops) => stops.Where(s => !s.StartsWith("link ", StringComparison.Ordinal)).ToList();
}
