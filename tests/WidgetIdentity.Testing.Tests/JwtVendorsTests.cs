using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Testing.Tests.Support;
using static WidgetIdentity.Testing.Tests.Support.TestSite;

namespace WidgetIdentity.Testing.Tests;

/// <summary>The vendors that verify an HS256 JWT, read back from what the real renderer writes.</summary>
public sealed class JwtVendorsTests
{
    [Theory]
    [InlineData("Zendesk", null, "zE(\"messenger\", \"loginUser\")", "external_id", false)]
    [InlineData("Featurebase", null, "Featurebase(\"boot\")", "userId", true)]
    [InlineData("Chatbase", null, "chatbase(\"identify\")", "user_id", true)]
    [InlineData("Intercom", "Jwt", "window.intercomSettings", "user_id", true)]
    public async Task Reads_the_token_the_vendor_is_given_with_the_id_claim_and_custom_attributes(
        string vendor, string? signing, string target, string idClaim, bool takesAttributes)
    {
        var user = await RenderJane(vendor, signing);

        Assert.Equal((WidgetUserSigning.Jwt, "7", null), (user.Signing, user.UserId, user.SignedValue));
        Assert.Equal(target, user.Target);
        Assert.Equal(user.UserHash, user.Token);
        Assert.Equal("7", user.TokenClaims[idClaim].GetString());
        Assert.Equal(takesAttributes, user.CustomAttributes.TryGetValue("plan", out var plan) && plan.GetString() == "gold");

        // The token, validated here with the library on its own, carries what the reader reports.
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(user.Token, Parameters(Secret));
        Assert.True(validated.IsValid);
        Assert.Equal("7", validated.Claims[idClaim]);
        Assert.Equal(JaneEmail, validated.Claims["email"]);
    }

    [Theory]
    [InlineData("Zendesk", null)]
    [InlineData("Featurebase", null)]
    [InlineData("Chatbase", null)]
    [InlineData("Intercom", "Jwt")]
    public async Task A_token_is_signed_with_the_secret_and_not_with_another(string vendor, string? signing)
    {
        var user = await RenderJane(vendor, signing);

        Assert.True(user.IsSignedWith(Secret));
        Assert.False(user.IsSignedWith(OtherSecret));
        Assert.False(user.IsSignedWith("short")); // under HS256's 32 bytes: no key to verify with
    }

    [Fact]
    public async Task A_hostile_name_in_the_token_reads_back_exactly()
    {
        foreach (var vendor in new[] { "Zendesk", "Featurebase", "Chatbase" })
        {
            var user = await RenderJane(vendor, signing: null);

            Assert.Equal(HostileName, user.TokenClaims["name"].GetString());
        }

        // Intercom signs only the id and email in its token; the name stays in the plain settings.
        Assert.Equal(HostileName, (await RenderJane("Intercom", "Jwt")).Fields["name"]);
    }

    [Fact]
    public async Task Zendesk_token_names_the_key_id_and_the_user_scope()
    {
        var user = await RenderJane("Zendesk", signing: null);

        Assert.Equal(KeyId, user.TokenKeyId);
        Assert.Equal(KeyId, new JsonWebToken(user.Token).Kid);
        Assert.Equal("user", user.TokenClaims["scope"].GetString());
    }

    [Fact]
    public async Task An_expired_token_is_not_signed_even_with_the_right_secret()
    {
        var anHourAgo = new FixedTime(DateTimeOffset.UtcNow.AddHours(-1));
        var user = WidgetUserMarkup.Find(await Render("Chatbase", "Jane", email: JaneEmail, time: anHourAgo))!;

        Assert.True(user.TokenClaims["exp"].GetInt64() < DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.False(user.IsSignedWith(Secret));
    }

    [Fact]
    public async Task A_token_whose_payload_was_edited_does_not_verify()
    {
        var token = (await RenderJane("Featurebase", signing: null)).Token!;
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"userId\":\"7\"", "\"userId\":\"8\"", StringComparison.Ordinal);
        var edited = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var page = "<script>window.Featurebase = function () { (window.Featurebase.q = window.Featurebase.q || []).push(arguments); };"
            + $"window.Featurebase(\"boot\", {{\"appId\":\"a\",\"featurebaseJwt\":{JsonSerializer.Serialize(edited)}}});</script>";

        var user = WidgetUserMarkup.Find(page)!;

        Assert.Equal("8", user.UserId);
        Assert.False(user.IsSignedWith(Secret));
    }

    private static TokenValidationParameters Parameters(string secret) => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        ValidateIssuer = false,
        ValidateAudience = false,
    };
}
