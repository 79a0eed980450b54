using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using DataPlatform.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Site;

/// <summary>
/// <c>&lt;form-field for="Form.Email" autocomplete="email" /&gt;</c>: one form field rendered from the model, as
/// ASP.NET Core's own input tag helper reads it. The label and hint come from <c>[Display(Name, Description)]</c>
/// (localized), <c>required</c> and <c>maxlength</c> from <c>[Required]</c> and <c>[StringLength]</c>, the control
/// from the property's type and <c>[DataType]</c>/<c>[EmailAddress]</c>, and the error from ModelState. Label,
/// hint and error are linked to the control for screen readers. Limits are written once, on the model.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IStringLocalizer<SharedResource> t, HtmlEncoder encoder) : TagHelper
{
    public required ModelExpression For { get; set; }

    /// <summary>The <c>autocomplete</c> token (<c>name</c>, <c>email</c>).</summary>
    public string? Autocomplete { get; set; }

    /// <summary>For a choice: the values and their labels, shown as a select.</summary>
    public IReadOnlyList<(string Value, string Label)>? Options { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var metadata = For.Metadata;
        var attributes = (metadata as DefaultModelMetadata)?.Attributes.PropertyAttributes ?? [];
        var name = metadata.PropertyName ?? For.Name;
        var id = FieldId(name);
        var label = metadata.DisplayName ?? name;
        var hint = metadata.Description;
        var required = attributes.OfType<RequiredAttribute>().Any();
        var maxLength = attributes.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength;
        var type = ControlType(metadata.ModelType, attributes);
        var error = ErrorFor(ViewContext, name, t);
        var value = For.Model?.ToString();
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field-error");
        var html = output.Content;
        if (type == "checkbox")
        {
            // Unchecked sends nothing, which binds as false: no hidden twin needed.
            html.AppendHtml($"<input type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(value == "True" ? " checked" : "")}{Attr("aria-describedby", describedBy)}>");
            html.AppendHtml($"<label for=\"{id}\">{E(label)}</label>");
            return;
        }
        html.AppendHtml($"<label for=\"{id}\">{E(label)}{(required ? "" : $"<span class=\"optional\"> ({E(t["optional"])})</span>")}</label>");
        if (hint is not null)
        {
            html.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">{E(hint)}</p>");
        }
        if (error is not null)
        {
            html.AppendHtml($"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">{E(t["Error"])}:</span> {E(error)}</p>");
        }
        var common = $"id=\"{id}\" name=\"{E(name)}\"{(required ? " required" : "")}{(error is null ? "" : " aria-invalid=\"true\"")}{Attr("aria-describedby", describedBy)}";
        if (Options is not null)
        {
            html.AppendHtml($"<select {common}><option value=\"\">{E(t["Choose…"])}</option>");
            foreach (var (optionValue, optionLabel) in Options)
            {
                html.AppendHtml($"<option value=\"{E(optionValue)}\"{(optionValue == value ? " selected" : "")}>{E(optionLabel)}</option>");
            }
            html.AppendHtml("</select>");
        }
        else if (type == "textarea")
        {
            html.AppendHtml($"<textarea {common} rows=\"6\"{Attr("maxlength", maxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture))}>{E(value)}</textarea>");
        }
        else
        {
            html.AppendHtml($"<input type=\"{type}\" {common}{Attr("value", value)}{Attr("maxlength", maxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture))}{Attr("autocomplete", Autocomplete)}>");
        }
    }

    /// <summary>The element id of a field; the error summary links to it.</summary>
    public static string FieldId(string name) => "field-" + name;

    /// <summary>The first error ModelState holds for a field, in the page's language; null when it has none.</summary>
    public static string? ErrorFor(ViewContext view, string name, IStringLocalizer t) =>
        view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage is { Length: > 0 } message ? message : t["This value is not valid."]
            : null;

    private static string ControlType(Type type, IReadOnlyList<object> attributes)
    {
        if (type == typeof(bool))
        {
            return "checkbox";
        }
        if (attributes.OfType<EmailAddressAttribute>().Any())
        {
            return "email";
        }
        return attributes.OfType<DataTypeAttribute>().FirstOrDefault()?.DataType switch
        {
            DataType.MultilineText => "textarea",
            DataType.Date => "date",
            DataType.Time => "time",
            DataType.Url => "url",
            _ => "text",
        };
    }

    private string E(string? text) => encoder.Encode(text ?? "");

    private string Attr(string name, string? value) => string.IsNullOrEmpty(value) ? "" : $" {name}=\"{E(value)}\"";
}
