namespace DataPlatform.Web.Localization;

/// <summary>
/// Marks a controller or action whose routes exist in every language: each attribute route
/// (<c>contact</c>) also answers under the other languages' prefixes (<c>sv/contact</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BilingualAttribute : Attribute;
