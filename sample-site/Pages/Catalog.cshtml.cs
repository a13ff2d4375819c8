using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SampleSite.Pages;

/// <summary>A deterministic catalogue of about 100 KB of HTML: the page the secret guard's cost is measured on.</summary>
public sealed class CatalogModel : PageModel
{
    private static readonly string[] Adjectives = ["Classic", "Organic", "Handmade", "Vintage", "Compact", "Deluxe", "Eco", "Nordic"];
    private static readonly string[] Nouns = ["Teapot", "Backpack", "Desk Lamp", "Notebook", "Headphones", "Mug", "Blanket", "Planter"];
    private static readonly string[] Tags = ["home", "gift", "office", "travel", "kitchen", "new", "sale", "eco"];

    public IReadOnlyList<Product> Products { get; } = Enumerable.Range(1, 146).Select(Create).ToArray();

    private static Product Create(int id) => new(
        id,
        $"{Adjectives[id % Adjectives.Length]} {Nouns[id * 7 % Nouns.Length]} No. {id}",
        9.99m + (id * 37 % 200),
        id % 5 == 0 ? "Bestseller" : "In stock",
        $"A {Adjectives[(id + 3) % Adjectives.Length].ToLowerInvariant()} piece for everyday use, made to last & easy to care for. "
            + "Ships in 2-3 working days; returns are free within 30 days \"no questions asked\".",
        [Tags[id % Tags.Length], Tags[(id + 2) % Tags.Length], Tags[(id + 5) % Tags.Length]]);

    public sealed record Product(int Id, string Name, decimal Price, string Badge, string Description, string[] Tags);
}
