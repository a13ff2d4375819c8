using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SampleSite.Data;

public sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : IdentityDbContext<SampleUser>(options);
