using System.Resources;

// The neutral resources are Simplified Chinese; English is the satellite culture.
[assembly: NeutralResourcesLanguage("zh-CN")]
