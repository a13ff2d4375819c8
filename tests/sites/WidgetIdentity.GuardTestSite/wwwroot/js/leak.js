// Test-only: a file that leaks the test secret.
window.widgetKey = 'TEST-ONLY-sk_live_9f3Kq7ZpX2wLm4Rb';
