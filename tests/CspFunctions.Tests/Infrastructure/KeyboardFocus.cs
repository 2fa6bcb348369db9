using Microsoft.Playwright;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>Keyboard-only journeys: what has the focus, and keys pressed to move it.</summary>
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
}
