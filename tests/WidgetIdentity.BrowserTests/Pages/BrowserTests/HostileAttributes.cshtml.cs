using WidgetIdentity.BrowserTests.Hostile;

namespace WidgetIdentity.BrowserTests.Pages.BrowserTests;

public sealed class HostileAttributesModel() : HostileBatchModel(HostileAttributeUsers.For);
