using WidgetIdentity.Testing.Tests.Support;
using static WidgetIdentity.Testing.Tests.Support.TestSite;

namespace WidgetIdentity.Testing.Tests;

/// <summary>The sign-out hand-over as each vendor reads it: the reset call before the next user, and on the page after sign-out.</summary>
public sealed class HandOverTests
{
    /// <summary>The vendors with a documented reset call, and how each signs (Chatbase both ways).</summary>
    public static TheoryData<string, string?> VendorsWithAResetCall => new()
    {
        { "Intercom", null }, { "Crisp", null }, { "HelpScout", null }, { "FrontChat", null }, { "Gleap", null },
        { "Chatbase", null }, { "Chatbase", "Hmac" }, { "Zendesk", null },
    };

    [Theory]
    [MemberData(nameof(VendorsWithAResetCall))]
    public async Task A_page_for_another_user_on_the_same_browser_reads_as_resetting_first(string vendor, string? signing)
    {
        var cookie = await CookieAfterJane(vendor, Expected.With(signing));

        var next = await Render(vendor, "Bob", id: "8", email: "bob@example.com", cookie: cookie, settings: Expected.With(signing));

        var user = Assert.Single(WidgetUserMarkup.FindAll(next));
        Assert.True(user.ResetsPreviousVisitor);
        Assert.Equal(user.Signing == WidgetUserSigning.EmailHash ? "bob@example.com" : "8", user.SignedValue ?? user.UserId);
        Assert.True(user.IsSignedWith(Secret));
        Assert.True(WidgetUserMarkup.ResetsWidget(next));
    }

    [Theory]
    [MemberData(nameof(VendorsWithAResetCall))]
    public async Task The_page_after_sign_out_identifies_nobody_and_resets_the_widget(string vendor, string? signing)
    {
        var cookie = await CookieAfterJane(vendor, Expected.With(signing));

        var next = await Render(vendor, firstName: null, id: null, cookie: cookie, settings: Expected.With(signing));

        Assert.Null(WidgetUserMarkup.Find(next));
        Assert.True(WidgetUserMarkup.ResetsWidget(next));
    }

    [Theory]
    [InlineData("Intercom")]
    [InlineData("Crisp")]
    [InlineData("FrontChat")]
    [InlineData("Zendesk")]
    public async Task A_first_page_neither_resets_nor_reads_as_resetting(string vendor)
    {
        var page = await Render(vendor, "Jane", email: "jane@example.com");

        Assert.False(WidgetUserMarkup.Find(page)!.ResetsPreviousVisitor);
        Assert.False(WidgetUserMarkup.ResetsWidget(page));
    }

    [Theory]
    [InlineData("Featurebase")]
    [InlineData("Plain")]
    public async Task Vendors_without_a_reset_call_identify_the_next_user_without_one(string vendor)
    {
        var cookie = await CookieAfterJane(vendor);

        var next = await Render(vendor, "Bob", id: "8", email: "bob@example.com", cookie: cookie);

        var user = WidgetUserMarkup.Find(next)!;
        Assert.False(user.ResetsPreviousVisitor);
        Assert.True(user.IsSignedWith(Secret));
        Assert.False(WidgetUserMarkup.ResetsWidget(await Render(vendor, firstName: null, id: null, cookie: cookie)));
    }
}
