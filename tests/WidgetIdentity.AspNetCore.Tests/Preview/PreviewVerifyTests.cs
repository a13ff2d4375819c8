using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WidgetIdentity.Tests.Support;

namespace WidgetIdentity.Tests.Preview;

/// <summary>
/// The verify endpoint's three questions (an HMAC of the user id, an HMAC of the email, a JWT) and its one answer,
/// <c>{"verified":true|false}</c>. The expected hashes and tokens are made here with .NET's HMAC and the JWT library
/// directly, not with the package's signer.
/// </summary>
public sealed class PreviewVerifyTests
{
    private const string VerifyPath = "/_widgetidentity/preview/verify";
    private const string KeyId = "app_preview_key_1";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_HMAC_of_the_email_verifies_and_a_hash_of_another_email_does_not()
    {
        using var host = await StartAsync();
        var signature = Hmac(TestOptions.Secret, "jane@example.com");

        var right = await PostAsync(host, new { email = "jane@example.com", hash = signature });
        var wrong = await PostAsync(host, new { email = "bob@example.com", hash = signature });

        Assert.Equal("{\"verified\":true}", right);
        Assert.Equal("{\"verified\":false}", wrong);
    }

    [Fact]
    public async Task An_email_signature_does_not_pass_for_the_user_id_it_was_not_made_from()
    {
        using var host = await StartAsync();

        var answer = await PostAsync(host, new { userId = "1", hash = Hmac(TestOptions.Secret, "jane@example.com") });

        Assert.Equal("{\"verified\":false}", answer);
    }

    [Fact]
    public async Task A_JWT_signed_HS256_with_the_widget_secret_and_unexpired_verifies()
    {
        using var host = await StartAsync();

        var answer = await PostAsync(host, new { token = Token(TestOptions.Secret, expires: Now.AddMinutes(5)) });

        Assert.Equal("{\"verified\":true}", answer);
    }

    [Fact]
    public async Task A_JWT_signed_with_another_key_does_not_verify()
    {
        using var host = await StartAsync();

        var answer = await PostAsync(host, new { token = Token("another-secret-of-at-least-32-bytes!", expires: Now.AddMinutes(5)) });

        Assert.Equal("{\"verified\":false}", answer);
    }

    [Fact]
    public async Task An_expired_JWT_does_not_verify_by_the_app_clock()
    {
        var time = new FakeTimeProvider(Now);
        using var host = await StartAsync(time: time);
        var token = Token(TestOptions.Secret, expires: Now.AddMinutes(5));
        Assert.Equal("{\"verified\":true}", await PostAsync(host, new { token }));

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal("{\"verified\":false}", await PostAsync(host, new { token }));
    }

    [Fact]
    public async Task A_JWT_without_exp_does_not_verify()
    {
        using var host = await StartAsync();

        var answer = await PostAsync(host, new { token = Token(TestOptions.Secret, expires: null) });

        Assert.Equal("{\"verified\":false}", answer);
    }

    [Fact]
    public async Task Where_the_widget_has_a_KeyId_only_a_JWT_naming_it_in_kid_verifies()
    {
        using var host = await StartAsync(keyId: KeyId);

        var right = await PostAsync(host, new { token = Token(TestOptions.Secret, Now.AddMinutes(5), KeyId) });
        var wrongKid = await PostAsync(host, new { token = Token(TestOptions.Secret, Now.AddMinutes(5), "app_other_key") });
        var noKid = await PostAsync(host, new { token = Token(TestOptions.Secret, Now.AddMinutes(5)) });

        Assert.Equal("{\"verified\":true}", right);
        Assert.Equal("{\"verified\":false}", wrongKid);
        Assert.Equal("{\"verified\":false}", noKid);
    }

    [Fact]
    public async Task A_token_that_is_not_a_JWT_is_answered_false()
    {
        using var host = await StartAsync();

        Assert.Equal("{\"verified\":false}", await PostAsync(host, new { token = "not.a.jwt" }));
    }

    [Fact]
    public async Task The_answer_never_echoes_the_token_nor_any_of_its_claims()
    {
        using var host = await StartAsync();
        var token = Token(TestOptions.Secret, Now.AddMinutes(5));

        var response = await host.GetTestClient().PostAsJsonAsync(VerifyPath, new { token });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("{\"verified\":true}", body);
        Assert.DoesNotContain("user-42", body);
        Assert.DoesNotContain(token.Split('.')[2], string.Join("\n", response.Headers.Concat(response.Content.Headers).SelectMany(header => header.Value)));
    }

    [Theory]
    [InlineData("{}")] // no question
    [InlineData("{\"userId\":\"1\",\"email\":\"jane@example.com\",\"hash\":\"00\"}")] // two questions
    [InlineData("{\"token\":\"a.b.c\",\"hash\":\"00\"}")] // a hash beside a token
    [InlineData("{\"token\":42}")] // not text
    public async Task A_request_that_does_not_ask_exactly_one_question_is_a_400(string json)
    {
        using var host = await StartAsync();

        var response = await host.GetTestClient().PostAsync(VerifyPath, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_that_is_not_JSON_or_too_large_is_a_400()
    {
        using var host = await StartAsync();
        var client = host.GetTestClient();
        var oversized = JsonContent.Create(new { token = new string('a', 17 * 1024) });

        var form = await client.PostAsync(VerifyPath, new StringContent("token=a.b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var large = await client.PostAsync(VerifyPath, oversized);

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
    }

    private static string Hmac(string secret, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(value)));

    private static string Token(string secret, DateTimeOffset? expires, string? kid = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["user_id"] = "user-42", ["email"] = "jane@example.com" },
            IssuedAt = Now.UtcDateTime,
            Expires = expires?.UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
        });

    private static async Task<string> PostAsync(IHost host, object request)
    {
        var response = await host.GetTestClient().PostAsJsonAsync(VerifyPath, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<IHost> StartAsync(string? keyId = null, TimeProvider? time = null)
    {
        var host = new HostBuilder()
            .UseEnvironment(Environments.Development)
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddSingleton(time ?? new FakeTimeProvider(Now));
                    services.AddRouting().AddWidgetIdentity(options =>
                    {
                        options.Secret = TestOptions.Secret;
                        options.Preview = true;
                        options.KeyId = keyId;
                    });
                })
                .Configure(app => app.Run(context =>
                {
                    context.Response.StatusCode = 404;
                    return Task.CompletedTask;
                })))
            .Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
