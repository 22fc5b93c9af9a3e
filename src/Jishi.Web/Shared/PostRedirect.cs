using Microsoft.AspNetCore.Components;

namespace Jishi.Web.Shared;

/// <summary>The answer to a plain form post of a static page (post/redirect/get): 303 See Other, the status that tells every
/// browser to follow with a GET, so refresh and back show the outcome page and never offer to send the form again.</summary>
public static class PostRedirect
{
    public static void SeeOther(this NavigationManager navigation, HttpContext http, string url)
    {
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status302Found)
            {
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
            }
            return Task.CompletedTask;
        });
        navigation.NavigateTo(url);
    }
}
